// RFC 3986 URI check by an outside validator: ajv-formats' "uri" format, which follows the RFC's
// ABNF (the check the OASIS url schema and RFC 5965's Reported-URI imply).
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const isRfc3986Uri = addFormats(new Ajv2020()).compile({ type: 'string', format: 'uri' }) as (value: unknown) => boolean;
