// Whose mailbox an address is: a person's (a student or staff number, first.last) or a role's or
// service's (support@, noreply@, servicio.cliente@). internal-sender-spoof reads a role's name on a
// person's mailbox as a compromised account; a role writing from a role mailbox is ordinary.
// Two or three letters are read as neither: they are as often a department's acronym (its@, ti@, sac@,
// sav@, dsi@, is@) as a person's initials.

/**
 * Mailboxes of roles and services (RFC 2142's and the usual ones): "it", "www", "noc" as the name, the others anywhere in it
 * ("noreply", "helpdesk2", "mail.admin"), with the Spanish, Portuguese and German words of customer and technical
 * service ("servicio.cliente", "soporte.tecnico", "atendimento", "kundendienst", "customer.care").
 */
const ROLE_MAILBOX =
  /^(?:it|www|noc)(?![a-z])|admin|help|support|servic|mail|master|secur|team|info|reply|sales|contact|office|abuse|market|notif|bill|account|care|client|custom|kunde|soport|suport|atenc|atend|ayuda|ajuda|tecnic|techn|desk|system|sistem/i;
/** An individual's mailbox: letters with digits (a student or staff number), or first.last. */
const PERSONAL_MAILBOX = /^(?:[a-z][a-z._-]{0,30}\d[a-z0-9._-]{0,30}|[a-z]{2,20}[._][a-z]{2,20})@/i;

/** True for a person's mailbox; only the part before the "@" is read (a domain's words, "polytechnic" or "gmail", say nothing about whose it is). */
export function isIndividualMailbox(address: string): boolean {
  const mailbox = address.split('@')[0];
  return PERSONAL_MAILBOX.test(mailbox + '@') && !ROLE_MAILBOX.test(mailbox);
}
