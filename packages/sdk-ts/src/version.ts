/** The SDK's version; all packages of the project share it (changesets fixed group). */
export const VERSION = "0.1.0";
