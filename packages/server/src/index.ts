/**
 * @open-vcluster/server — ovc-server as a library.
 */
export { startServer, type RunningServer, type ServerOptions } from "./server.js";
export { createDriver, DRIVERS, type DriverName, type DriverOptions } from "./drivers/index.js";
export { openStore, STORES, type OpenedStore, type StoreName } from "./store/index.js";
export { defaultDataDir } from "./store/data-dir.js";
