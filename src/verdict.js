// Builds the Verdict object from the flat form the wasm module writes (src/wasm.rs, `Flat`): every
// string of the verdict concatenated in `text`, and in `nums`, in field order, each string's length
// in UTF-16 units (-1 for null) with the numbers in between. One string decode and one small
// object literal per verdict, instead of a JSON text parsed by JSON.parse (a third of the per-URL
// cost in wasm before). build.sh copies this file next to linkguard.js as pkg/verdict.js.
// The order here must match `Flat::verdict` in src/wasm.rs; tests/js/parity.test.mjs compares
// whole verdicts with the native CLI's JSON.
const LEVELS = ["safe", "suspicious", "dangerous", "invalid"];

export function buildVerdict(text, nums) {
  let at = 0;
  let i = 0;
  const str = () => {
    const n = nums[i++];
    if (n < 0) return null;
    const s = text.slice(at, at + n);
    at += n;
    return s;
  };
  const brand = () =>
    nums[i++] === 0 ? null : { id: str(), nameEn: str(), nameJa: str(), officialSite: str(), officialDomain: str() };
  const level = LEVELS[nums[i++]];
  const score = nums[i++];
  const input = str(), url = str(), scheme = str(), hostAscii = str(), hostUnicode = str();
  const registrable = str(), publicSuffix = str(), suffixKind = str(), subdomain = str(), country = str();
  const reasons = new Array(nums[i++]);
  for (let r = 0; r < reasons.length; r++) {
    reasons[r] = { code: str(), weight: nums[i++], brand: brand(), detail: str() };
  }
  return {
    level, score, input, url, scheme, hostAscii, hostUnicode, registrable, publicSuffix, suffixKind, subdomain, country,
    reasons, brand: brand(), officialSite: str(), embeddedUrl: str(), dataVersion: str(),
  };
}
