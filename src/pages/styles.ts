import { createHash } from "node:crypto";

/**
 * The survey pages' whole stylesheet, served as one file whose name carries a hash of its
 * content (PAGE_CSS_PATH), so browsers keep it for a year and each page is 4 KB lighter.
 * Colours meet WCAG 2.2 AA contrast: text #0b0c0c on white (19:1), links #1d5fa6 (6:1),
 * errors #b10e1e (7:1). Sizes are in rem so 200% zoom reflows instead of overflowing.
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff}
.wrap{max-width:48rem;margin:0 auto;padding:0 1rem}
a{color:#1d5fa6;text-underline-offset:.15em}
a:hover{color:#003078;text-decoration-thickness:3px}
a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
a:focus-visible{background:#ffdd00;color:#0b0c0c;text-decoration:none;box-shadow:0 4px #0b0c0c}
.masthead{background:#1d3f6e;color:#fff;padding:.75rem 0}
.masthead .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.org{font-weight:700;font-size:1.25rem}
.langs ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.langs a{color:#fff;display:inline-block;padding:.25rem .125rem}
.langs a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}
.langs a:focus-visible{color:#0b0c0c}
main.wrap{padding-top:2rem;padding-bottom:3rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
.lead{margin:0 0 1.5rem}
.notice{border-inline-start:6px solid #1d5fa6;background:#eef4fa;padding:.75rem 1rem;margin:0 0 1.5rem}
.error-summary{border:5px solid #b10e1e;padding:1rem 1.25rem;margin:0 0 2rem}
.error-summary h2{font-size:1.375rem;margin:0 0 .5rem}
.error-summary ul{margin:0;padding-inline-start:1.25rem}
.error-summary a{color:#b10e1e;font-weight:700}
.error-message{color:#b10e1e;font-weight:700;margin:0 0 .75rem}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
fieldset{border:0;margin:0 0 2rem;padding:0;min-width:0}
.group-error{border-inline-start:5px solid #b10e1e;padding-inline-start:1rem}
legend{font-size:1.375rem;font-weight:700;line-height:1.3;margin-bottom:.75rem;padding:0;white-space:normal}
.optional{display:block;font-size:1rem;font-weight:400;color:#505a5f}
.scale{display:grid;gap:.5rem;grid-template-columns:1fr}
.option{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.5rem .75rem;border:2px solid #505a5f;border-radius:.25rem;cursor:pointer;background:#fff}
.option:hover{border-color:#0b0c0c;background:#f3f2f1}
.option input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#1d5fa6}
.option:has(input:checked){border-color:#1d5fa6;background:#e8f1f8;box-shadow:inset 0 0 0 2px #1d5fa6}
.option:has(input:focus-visible){outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
.option input:focus-visible{box-shadow:none;outline:none}
.face{flex:none;width:2.5rem;height:2.5rem}
.num{display:inline-block;min-width:1.75rem;text-align:center;font-weight:700;border:1px solid #505a5f;border-radius:1rem;padding:0 .35rem}
.text{overflow-wrap:anywhere}
@media (min-width:45rem){
  .scale-5,.scale-7,.scale-3{grid-template-columns:repeat(var(--n),minmax(0,1fr))}
  .scale-5{--n:5}.scale-7{--n:7}.scale-3{--n:3}
  .scale-5 .option,.scale-7 .option{flex-direction:column;justify-content:flex-start;text-align:center;gap:.35rem;padding:.75rem .35rem;font-size:1rem}
  .scale-7 .option{font-size:.9375rem}
}
.field{margin:0 0 2rem}
.field label.question{display:block;font-size:1.375rem;font-weight:700;line-height:1.3;margin-bottom:.5rem}
.hint{color:#505a5f;margin:0 0 .5rem}
textarea{display:block;width:100%;min-height:8rem;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;resize:vertical}
textarea.invalid{border-color:#b10e1e;border-width:3px}
/* Asking to be contacted: the fields show once the box is ticked; without :has() they always show. */
.contact-details{margin-top:1rem;border-inline-start:4px solid #b1b4b6;padding-inline-start:1rem}
.contact:not(:has(#contact:checked)) .contact-details{display:none}
.contact-details fieldset{margin-bottom:0}
.contact-details legend,.contact-details .field label.question{font-size:1.125rem}
.input{display:block;width:100%;max-width:24rem;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0}
.input.invalid{border-color:#b10e1e;border-width:3px}
.button{display:inline-block;font:inherit;font-weight:700;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;padding:.6rem 1.25rem;box-shadow:0 2px 0 #002d18;cursor:pointer;text-decoration:none}
.button:hover{background:#005a30;color:#fff}
.button:focus-visible{background:#ffdd00;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c;outline:3px solid transparent}
.panel{background:#00703c;color:#fff;padding:1.5rem;margin:0 0 1.5rem;text-align:center}
.panel h1{margin:0 0 .5rem}
.panel p{margin:0;font-size:1.25rem}
@media (max-width:30rem){h1{font-size:1.625rem}legend,.field label.question{font-size:1.25rem}}
`;

/** Where PAGE_CSS is served: a new name whenever its content changes, so caching forever is safe. */
export const PAGE_CSS_PATH = `/assets/page-${createHash("sha256").update(PAGE_CSS).digest("hex").slice(0, 12)}.css`;
