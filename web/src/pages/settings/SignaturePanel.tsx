import { useEffect, useRef, useState } from "preact/hooks";
import { previewHtml } from "../../lib/signature";
import { copyText, type SettingsPageModel } from "../../models/settings";

/** A staff member's signature strip: preview, the HTML snippet and the plain-text line, each with Copy. */
export function SignaturePanel({ m }: { m: SettingsPageModel }) {
  const sig = m.signature.value;
  const htmlRef = useRef<HTMLTextAreaElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState("");
  useEffect(() => {
    setCopied("");
    headingRef.current?.focus();
  }, [sig?.code, sig?.data]);
  if (!sig) return null;
  const copy = async (what: string, text: string, el: HTMLTextAreaElement | null) =>
    setCopied((await copyText(text, el)) ? `Copied the ${what}.` : `Could not copy: select the ${what} and press Ctrl+C.`);
  return (
    <div class="signature-panel" role="region" aria-labelledby="sig-h">
      <h3 id="sig-h" tabIndex={-1} ref={headingRef}>
        Signature strip{sig.data ? ` for ${sig.data.staff.name}` : ""}
      </h3>
      {sig.error ? (
        <p class="error" role="alert">
          {sig.error}
        </p>
      ) : null}
      {!sig.data && !sig.error ? <p role="status">Loading…</p> : null}
      {sig.data ? (
        <>
          <p class="small">Paste the HTML into the signature settings of Outlook or Gmail; use the plain-text line where HTML is not possible.</p>
          <p class="label">Preview</p>
          <div class="sig-preview" dangerouslySetInnerHTML={{ __html: previewHtml(sig.data.html) }} />
          <div class="field wide">
            <label for="sig-html">HTML snippet</label>
            <textarea id="sig-html" ref={htmlRef} class="mono" readOnly rows={4} value={sig.data.html} />
          </div>
          <button type="button" onClick={() => void copy("HTML snippet", sig.data?.html ?? "", htmlRef.current)}>
            Copy the HTML
          </button>
          <div class="field wide">
            <label for="sig-text">Plain-text line</label>
            <textarea id="sig-text" ref={textRef} class="mono" readOnly rows={2} value={sig.data.text} />
          </div>
          <button type="button" onClick={() => void copy("plain-text line", sig.data?.text ?? "", textRef.current)}>
            Copy the text
          </button>
          <p class="small" role="status" aria-live="polite">
            {copied}
          </p>
        </>
      ) : null}
      <button type="button" class="secondary" onClick={m.closeSignature}>
        Close the signature
      </button>
    </div>
  );
}
