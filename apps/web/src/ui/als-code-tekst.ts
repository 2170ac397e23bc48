/** The generator of "Als code", in a chunk of its own: loaded when someone opens the block (see als-code.tsx). */
export { viewAsCode } from '@kansrijke-start/core';
