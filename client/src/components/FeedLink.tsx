// A calendar feed's subscription link, there on every visit without a click: read (made the
// first time), copied, subscribed to with webcal://, scanned as a QR code on a phone, or — after
// a confirmation — replaced by a new one, which ends the old URL.
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import type { FeedLink as Link } from '../../../shared/api/feeds';
import { background } from '../api/background';
import { api, failureMessage, type FeedOwner } from '../api/client';
import { useLang } from '../i18n/lang';

/** `label` names the link for screen readers (the section's heading says it to everyone else). */
export function FeedLink({ owner, id, label }: { owner: FeedOwner; id: string; label: string }) {
  const { t, lang } = useLang();
  const [link, setLink] = useState<Link>();
  const [qr, setQr] = useState<string>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let current = true;
    setLink(undefined);
    setMessage(undefined);
    api.feedLink(owner, id).then(
      (answer) => current && setLink(answer),
      (err: unknown) => current && setMessage({ text: failureMessage(err, t, {}, lang), failed: true }),
    );
    return () => {
      current = false;
    };
  }, [owner, id]);
  useEffect(() => {
    if (!link) return setQr(undefined);
    // SVG, not canvas: the same in every browser and in the component tests.
    background(QRCode.toString(link.url, { type: 'svg', margin: 1 }).then((svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)));
  }, [link?.url]);

  const copy = async () => {
    input.current?.select();
    // The clipboard API needs https or localhost; elsewhere the selected text is copied the old way.
    if (navigator.clipboard) await navigator.clipboard.writeText(link!.url);
    else document.execCommand('copy');
    setMessage({ text: t('copied'), failed: false });
  };
  const renew = async () => {
    if (!window.confirm(t('renewFeedConfirm'))) return;
    try {
      setLink(await api.renewFeed(owner, id));
      setMessage({ text: t('feedRenewed'), failed: false });
    } catch (err) {
      setMessage({ text: failureMessage(err, t, {}, lang), failed: true });
    }
  };

  const status = message && <p role={message.failed ? 'alert' : 'status'}>{message.text}</p>;
  if (!link) return status ?? <p>{t('loading')}</p>;
  return (
    <div className="feed-link" data-feed-owner={owner}>
      <p>{t('feedHelp')}</p>
      <p className="feed-links">
        <input ref={input} readOnly aria-label={label} value={link.url} size={60} onFocus={(e) => e.target.select()} />{' '}
        <button type="button" onClick={() => background(copy())}>
          {t('copy')}
        </button>{' '}
        <a href={link.webcal}>{t('subscribe')}</a>
      </p>
      {qr && <img className="feed-qr" src={qr} alt={t('feedQr')} width={148} height={148} style={{ display: 'block', background: '#fff' }} />}
      <p>
        <button type="button" onClick={() => background(renew())}>
          {t('renewFeed')}
        </button>
      </p>
      {status}
    </div>
  );
}
