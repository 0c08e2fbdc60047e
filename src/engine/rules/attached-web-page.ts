// An attached web page that does something when opened: a fake sign-in page whose form posts what you
// type to someone's server ("Statement.html" with a password field), a page that sends you on to a
// phishing site (a meta refresh or a script setting location), a script that posts data, or HTML
// smuggling that assembles a file from encoded text so that the mail filter never sees it. Credential
// phishing ships its page as an attachment precisely because a link would be checked.
// The page is read from its source, never run (content/pages.ts).
//
// What it must leave alone: ordinary HTML attachments (a saved itinerary, a newsletter saved as a
// page, an HTML invoice) that only show text and links. risky-attachment already reports that a web
// page is attached at all; this rule says what the page does.
// High when the page does two of these things at once (a form and a redirect, a smuggled file and a script).
import type { Evidence } from '../model';
import type { Rule } from '../rule';
import { ATTACHMENT_LIMIT, fileAttachments } from './content/attachments';
import { webPageBehaviour } from './content/pages';
import { joinReasons } from './content/reasons';

const MAX_EVIDENCE = 6;

export const attachedWebPage: Rule = {
  id: 'attached-web-page',
  title: {
    en: 'An attached web page sends what you type, or sends you, elsewhere',
    ja: '添付のWebページが、入力内容やあなた自身を別のサイトへ送ります',
  },
  explanation: {
    en:
      'A web page is attached to this message, and opening it would send what you type (for example a password) to a website, ' +
      'take you to another site, or assemble a hidden file. This is how fake sign-in pages are delivered past link checks. Do not ' +
      'open the attachment or type anything into it.',
    ja:
      'このメールにはWebページが添付されており、開くと入力した内容（パスワードなど）をWebサイトに送信したり、別のサイトへ移動させたり、' +
      '隠れたファイルを組み立てたりします。偽のログイン画面をリンクの検査をすり抜けて届けるための手口です。添付を開かず、何も入力しないでください。',
  },
  severity: 'medium',
  category: 'attachments',
  technique: 'T1566.001',
  requires: ['attachmentContent'],
  check(message) {
    const evidence: Evidence[] = [];
    let high = false;
    for (const attachment of fileAttachments(message.attachments).slice(0, ATTACHMENT_LIMIT)) {
      const reasons = webPageBehaviour(attachment);
      if (reasons.length === 0) continue;
      high ||= reasons.length >= 2;
      if (evidence.length < MAX_EVIDENCE) evidence.push({ kind: 'attachment', name: attachment.name, contentType: attachment.contentType, reason: joinReasons(reasons) });
    }
    if (evidence.length === 0) return undefined;
    return high ? { evidence, severity: 'high' } : { evidence };
  },
};
