/** @jsxImportSource hono/jsx */

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f3f4f6;color:#111827}
main{max-width:24rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin:0 0 .25rem}p.org{margin:0 0 1.5rem;color:#374151}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;border:2px solid #6b7280;border-radius:4px}
input:focus{outline:3px solid #1d4ed8;outline-offset:1px}
button{margin-top:1.5rem;width:100%;font-size:1rem;padding:.75rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;font-weight:600;cursor:pointer}
button:focus{outline:3px solid #f59e0b;outline-offset:2px}
.error{background:#fef2f2;border-left:4px solid #b91c1c;padding:.75rem;color:#7f1d1d;margin-bottom:1rem}
@media (max-width:30rem){main{margin:0;border-radius:0;min-height:100vh}}
`;

/** The sign-in form; works without JavaScript, and says what went wrong in words. */
export function LoginPage(props: { orgName: string; error?: string; email?: string; next?: string }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/*
          Overrides the site-wide no-referrer for this page only: under no-referrer a browser
          posts the form with `Origin: null`, which the sign-in must refuse as from nowhere.
        */}
        <meta name="referrer" content="same-origin" />
        <link rel="icon" href="data:," />
        <title>Sign in: customer satisfaction dashboard</title>
        {/* Raw: as a text child the quotes in font names would be escaped and break the CSS. */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>
          <h1>Sign in</h1>
          <p class="org">{props.orgName}: customer satisfaction dashboard</p>
          {props.error ? (
            <div class="error" role="alert" id="login-error">
              {props.error}
            </div>
          ) : null}
          <form method="post" action="/dashboard/login">
            <label for="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value={props.email ?? ""}
              aria-describedby={props.error ? "login-error" : undefined}
            />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
            {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>
  );
}

export function MissingBuildPage() {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>Dashboard not built</title>
      </head>
      <body>
        <main>
          <h1>The dashboard has not been built</h1>
          <p>
            The dashboard's files are made by <code>npm install</code> (its prepare step runs <code>vite build</code>). Run <code>npm run build</code>, then
            reload this page.
          </p>
        </main>
      </body>
    </html>
  );
}
