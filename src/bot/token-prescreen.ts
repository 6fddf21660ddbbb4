/** The algorithms and clock skew the Bot Framework SDK accepts; a token outside them can never validate. */
const allowedAlgorithms = ['RS256', 'RS384', 'RS512'];
const clockToleranceSeconds = 5 * 60;

/**
 * Why a bearer header cannot hold a valid token, judged without keys; undefined when only the signature check can tell.
 * Refusing these before the SDK matters: it writes every token it refuses to stderr itself, with a stack.
 */
export function hopelessTokenReason(authHeader: string, nowMs: number): string | undefined {
  const [scheme, token, ...rest] = authHeader.trim().split(' ');
  if (scheme !== 'Bearer' || !token || rest.length > 0) return 'not a bearer token';
  const [header, payload] = token.split('.').map(decodedPart);
  if (!header || !payload || token.split('.').length !== 3) return 'not a JSON web token';
  if (!allowedAlgorithms.includes(String(header.alg))) return `signing algorithm ${String(header.alg).slice(0, 20)} is not accepted`;
  const now = Math.floor(nowMs / 1000);
  // The same comparisons jsonwebtoken makes, with the SDK's tolerance, so nothing it would accept is refused here.
  if (typeof payload.exp === 'number' && now >= payload.exp + clockToleranceSeconds) return 'the token has expired';
  if (typeof payload.nbf === 'number' && payload.nbf > now + clockToleranceSeconds) return 'the token is not valid yet';
  return undefined;
}

function decodedPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
