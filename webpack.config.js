/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the task pane, the ribbon commands and the offline preview, as Microsoft's add-in templates do.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { publicManifest } = require("./scripts/public-manifest");
const { checkProfile } = require("./scripts/deployed-profile");

/** office-addin-dev-certs runs `sudo` on Linux and throws without it: HTTPS only where certificates can be had. */
async function httpsOptions() {
  if (process.env.HYOKA_PREVIEW) return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(`HTTPS certificates unavailable (${error.message.split("\n")[0]}): serving over http.`);
    return undefined;
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl) publicManifest("", publicUrl); // a wrong URL stops the build here, with the reason
  const profile = process.env.HYOKA_PROFILE;
  if (profile) checkProfile(profile); // so does a broken profile, with the CLI's message
  const https = argv.$0 && process.argv.includes("serve") ? await httpsOptions() : undefined;
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules, so that webpack can drop the unused parts of Fluent UI and its icons.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false, sourceMap: !production } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "message.html", template: "./src/commands/message.html", chunks: ["message"] }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/sample/*.xlsx", to: "sample/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          // The deployment's profile, read by the task pane and the ribbon beside their pages.
          ...(profile ? [{ from: path.resolve(profile), to: "profile.json" }] : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (publicUrl ? publicManifest(content.toString(), publicUrl) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // The preview opens itself where there is a desktop to open it on; a headless machine just prints the URL.
      open: process.env.HYOKA_PREVIEW && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) ? ["/preview.html"] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
