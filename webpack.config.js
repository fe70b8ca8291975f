/**
 * Builds the task pane (src/taskpane/index.tsx + taskpane.html) into dist/, with the icons and
 * the manifest, in the style of the Office add-in React template.
 *
 * - production: minified, React/Fluent UI split into a vendor chunk (cached across releases);
 *   the initial task-pane bundle must stay under 350 KB gzip (test/manifest.test.ts measures it).
 * - `webpack serve`: https://localhost:3000 with the Office dev certificate when
 *   office-addin-dev-certs can provide one; otherwise (Linux, where it cannot trust its CA) a
 *   self-signed certificate made by webpack-dev-server, which the browser must accept once.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const dist = path.resolve(__dirname, "dist");

/** HTTPS options for the dev server: the trusted Office dev certificate, or webpack's own. */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    // Installing the CA may ask for sudo; never let that hang the dev server.
    const timeout = new Promise((_, reject) => {
      setTimeout(() => reject(new Error("quá thời gian chờ")), 20000).unref();
    });
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    console.warn("[PAR Scorer] Dùng chứng chỉ phát triển của Office (office-addin-dev-certs).");
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      "[PAR Scorer] Không tạo hoặc tin cậy được chứng chỉ phát triển của Office (" +
        (error && error.message ? error.message.split("\n")[0] : String(error)) +
        "). Máy chủ dùng chứng chỉ tự ký do webpack-dev-server tạo: hãy mở https://localhost:" +
        port +
        "/taskpane.html trong trình duyệt một lần và chấp nhận chứng chỉ trước khi nạp add-in.",
    );
    return { type: "https" };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
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
          { from: "manifest.xml", to: "manifest.xml" },
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
          port,
          hot: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
