// Plain CommonJS, no TypeScript: require() of the ESM-only package (Node >= 20.19).
const client = require('@webex-ts/client');
const names = ['Webex', 'WebexError', 'WebexApiError', 'Paginated'];
for (const name of names)
  if (typeof client[name] !== 'function')
    throw new Error(`require('@webex-ts/client').${name} is ${typeof client[name]}`);
console.log(`require: ${names.join(', ')}`);
