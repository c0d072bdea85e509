/** Absolute path of the vitest global setup module that starts the test control plane. */
export declare const globalSetupPath: string;
