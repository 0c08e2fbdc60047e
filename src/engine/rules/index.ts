// The rule registry: order matters only for combination rules, which read earlier findings.
// Adding a rule: write src/engine/rules/<id>.ts with its test, then add one line here.
import type { Rule } from '../rule';
import { protectedPersonImpersonation } from './protected-person-impersonation';
import { senderHistory } from './sender-history';
import { organizationClaimMismatch } from './organization-claim-mismatch';
import { displayNameAddressMismatch } from './display-name-address-mismatch';
import { lookalikeDomain } from './lookalike-domain';
import { internalSenderSpoof } from './internal-sender-spoof';
import { organizationNameOnFreemail } from './organization-name-on-freemail';
import { hiddenCharactersRule } from './hidden-characters';
import { malformedSenderAddress } from './malformed-sender-address';
import { hiddenRecipients } from './hidden-recipients';
import { decoratedSenderName } from './decorated-sender-name';
import { mixedScriptWords } from './mixed-script-words';
import { replyToDivergence } from './reply-to-divergence';
import { freemailReplyTo } from './freemail-reply-to';
import { senderHeaderBrand } from './sender-header-brand';
import { randomSenderDomain } from './random-sender-domain';
import { platformTenantSender } from './platform-tenant-sender';
import { randomSenderMailbox } from './random-sender-mailbox';
import { abusedTldSender } from './abused-tld-sender';
import { authenticationFailure } from './authentication-failure';
import { unalignedSender } from './unaligned-sender';
import { lureWording } from './lure-wording';
import { credentialLure } from './credential-lure';
import { advanceFeeScam } from './advance-fee-scam';
import { rewardLure } from './reward-lure';
import { addressedByEmail } from './addressed-by-email';
import { linkTextMismatch } from './link-text-mismatch';
import { ipLiteralLink } from './ip-literal-link';
import { shortenedLink } from './shortened-link';
import { pdfLinkLure } from './pdf-link-lure';
import { fileSharingLink } from './file-sharing-link';
import { suspiciousLinkTarget } from './suspicious-link-target';
import { brandCredentialLink } from './brand-credential-link';
import { claimedNameLinkHost } from './claimed-name-link-host';
import { unrelatedLinkSite } from './unrelated-link-site';
import { riskyAttachment } from './risky-attachment';
import { attachedWebPage } from './attached-web-page';
import { doubleExtension } from './double-extension';
import { protectedArchive } from './protected-archive';
import { enableContentCoaching } from './enable-content-coaching';
import { mirrorfacePattern } from './mirrorface-pattern';
import { unreadableMessage } from './unreadable-message';
import { hiddenText } from './hidden-text';
import { imageOnlyBody } from './image-only-body';
import { oneLinkBody } from './one-link-body';
import { hashBusterToken } from './hash-buster-token';
import { emptyTextAlternative } from './empty-text-alternative';
import { missingMessageId } from './missing-message-id';
import { styledLetters } from './styled-letters';

export const RULES: readonly Rule[] = [
  // sender identity
  protectedPersonImpersonation,
  senderHistory, // the user's mailbox, when the pane could ask it (message.senderHistory)
  organizationClaimMismatch,
  displayNameAddressMismatch,
  lookalikeDomain,
  internalSenderSpoof,
  organizationNameOnFreemail, // after the claim rules: a name they already report is not counted twice
  hiddenCharactersRule,
  malformedSenderAddress,
  mixedScriptWords,
  hiddenRecipients,
  decoratedSenderName,
  replyToDivergence, // after the claim rules: a claim plus a free-mail Reply-To is high
  freemailReplyTo,
  senderHeaderBrand,
  randomSenderDomain,
  platformTenantSender,
  randomSenderMailbox,
  abusedTldSender,
  // authentication
  authenticationFailure,
  unalignedSender, // after authentication-failure: a DMARC failure it reported is not said twice
  // wording
  lureWording,
  credentialLure,
  advanceFeeScam, // after the sender and authentication rules: their findings corroborate it
  rewardLure, // after advance-fee-scam: prize wording it reported is not counted twice
  addressedByEmail,
  // links
  linkTextMismatch,
  ipLiteralLink,
  shortenedLink,
  fileSharingLink, // after wording and sender rules: lure or impersonation makes it high
  unrelatedLinkSite, // before suspicious-link-target: every link leaving for an unrelated site corroborates its weak hints
  suspiciousLinkTarget, // after credential-lure and the sender rules: weak hints count with credential wording or a sender sign
  brandCredentialLink, // after suspicious-link-target: covers brands named in the subject or body it does not read
  claimedNameLinkHost,
  pdfLinkLure,
  // attachments
  riskyAttachment,
  attachedWebPage,
  doubleExtension,
  protectedArchive,
  enableContentCoaching,
  // structure
  unreadableMessage,
  hiddenText,
  imageOnlyBody,
  oneLinkBody,
  emptyTextAlternative,
  hashBusterToken,
  styledLetters,
  missingMessageId,
  // combinations (last: they read the findings above)
  mirrorfacePattern,
];
