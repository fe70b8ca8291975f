/**
 * Where the running dev server records its process id (webpack.config.js writes it, `npm stop`
 * in scripts/office-start.js reads it): one file per port in the system's temporary folder.
 */
"use strict";
const os = require("os");
const path = require("path");

/** @param {number | string} port */
function devServerFile(port) {
  return path.join(os.tmpdir(), `par-scorer-dev-server-${Number(port)}.json`);
}

module.exports = { devServerFile };
