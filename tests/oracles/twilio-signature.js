// Oracle for tests/Bot.Tests/Sms: twilio-node's own webhook signature code.
// Reads [{authToken, url, params, header?}] as JSON on stdin; writes [{signature, valid}] as JSON on stdout, where
// signature is getExpectedTwilioSignature(authToken, url, params) and valid is validateRequest(authToken, header, url, params).
const twilio = require("twilio");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const out = cases.map((c) => ({
    signature: twilio.getExpectedTwilioSignature(c.authToken, c.url, c.params),
    valid: c.header === undefined ? null : twilio.validateRequest(c.authToken, c.header, c.url, c.params),
  }));
  process.stdout.write(JSON.stringify(out));
});
