/**
 * Builds the task pane (src/taskpane/index.tsx + taskpane.html) into dist/, with the icons and
 * the manifest, in the style of the Office add-in React template.
 *
 * - production: minified, React/Fluent UI split into a vendor chunk (cached across releases);
 *   the initial task-pane bundle must stay under 350 KB gzip (test/manifest.test.ts measures it).
 * - `ADDIN_URL=https://… npm run build` (optional `ADDIN_ID=<GUID>`): dist/manifest.xml for a
 *   deployment, every address in it starting with ADDIN_URL (scripts/deployment-manifest.js);
 *   without ADDIN_URL, dist/ gets manifest.xml unchanged (the dev server's addresses).
 * - `webpack serve`: https://localhost:3000, listening on this computer only, with the Office dev
 *   certificate when office-addin-dev-certs can provide one; otherwise (Linux, where it cannot
 *   trust its CA) a self-signed certificate made by webpack-dev-server, explained in one line.
 *   `npm stop` (scripts/office-start.js) stops it through the file dev-server-file.js names.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { deploymentManifest, normalizeAddinUrl } = require("./scripts/deployment-manifest");
const { devServerFile } = require("./scripts/dev-server-file");

const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const dist = path.resolve(__dirname, "dist");

/** One line on the certificate the dev server uses when Office's own cannot be had. */
function selfSignedNotice(reason) {
  return (
    `[PAR Scorer] HTTPS: chứng chỉ tự ký (${reason}) — mở https://localhost:${port}/taskpane.html một lần ` +
    "và chấp nhận chứng chỉ trước khi nạp add-in / self-signed certificate: open that page once and accept it."
  );
}

/** HTTPS options for the dev server: the trusted Office dev certificate, or webpack's own. */
async function httpsServer() {
  // On Linux office-addin-dev-certs would run `sudo` to trust its CA system-wide, which browsers
  // there do not read anyway: go straight to the self-signed certificate.
  if (process.platform === "linux") {
    console.warn(selfSignedNotice("trên Linux không cài được chứng chỉ phát triển của Office"));
    return { type: "https" };
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    // Installing the CA may ask for an administrator's approval; never let that hang the server.
    const timeout = new Promise((_, reject) => {
      setTimeout(() => reject(new Error("timeout")), 20000).unref();
    });
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    console.warn(
      "[PAR Scorer] HTTPS: chứng chỉ phát triển của Office / Office dev certificate (office-addin-dev-certs).",
    );
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch {
    console.warn(selfSignedNotice("không cài được chứng chỉ phát triển của Office"));
    return { type: "https" };
  }
}

/**
 * Records the dev server's process id for `npm stop`, removes the record when it exits, and exits
 * when the npm process that started it goes away (nothing keeps serving port 3000 unseen).
 */
function trackDevServer() {
  const file = devServerFile(port);
  const parent = process.ppid;
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port, root: __dirname }));
  process.on("exit", () => {
    try {
      if (JSON.parse(fs.readFileSync(file, "utf8")).pid === process.pid) fs.unlinkSync(file);
    } catch {
      // already removed
    }
  });
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    // Shut down as on Ctrl-C, without waiting long for a compilation in progress.
    process.kill(process.pid, "SIGTERM");
    setTimeout(() => process.exit(0), 3000);
  }, 1000);
  watch.unref();
}

/** manifest.xml as dist/ gets it: unchanged, or for the deployment ADDIN_URL names. */
function manifestFor(addinUrl, addinId) {
  if (!addinUrl) return undefined;
  return (content) => deploymentManifest(content.toString("utf8"), { url: addinUrl, id: addinId });
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL ? normalizeAddinUrl(process.env.ADDIN_URL) : "";
  if (!addinUrl && process.env.ADDIN_ID) {
    throw new Error("ADDIN_ID cần đi cùng ADDIN_URL. / ADDIN_ID needs ADDIN_URL as well.");
  }
  const transformManifest = manifestFor(addinUrl, process.env.ADDIN_ID);
  if (addinUrl && !serving) console.warn(`[PAR Scorer] dist/manifest.xml cho / for ${addinUrl}`);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: dist,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // dist/node holds the compiled command line (npm run build:cli): keep it.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules let webpack drop the unused parts of Fluent UI.
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          transformManifest
            ? { from: "manifest.xml", to: "manifest.xml", transform: transformManifest }
            : { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Libraries the pane needs at start; those loaded on demand (ExcelJS, for the import)
          // keep their own chunk.
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: 10 },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // Raw size; the gzip budget (350 KB) is checked by the tests.
      maxEntrypointSize: 1200 * 1024,
      maxAssetSize: 1200 * 1024,
    },
    devServer: serving
      ? {
          static: { directory: dist },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await httpsServer(),
          // This computer only: colleagues use a deployment (README), never the dev server.
          host: "localhost",
          port,
          onListening: trackDevServer,
          hot: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
