import { defineConfig } from '@tarojs/cli'

// The H5 app is served by the API at /m/ (hash routes, so the server only ever serves files);
// the WeChat build calls the address given at build time: TARO_APP_API_BASE_URL=https://crm.example.com.
export default defineConfig<'webpack5'>(async () => ({
  projectName: 'crm-miniprogram',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  defineConstants: {
    API_BASE_URL: JSON.stringify(process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE_URL || '')
  },
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {
    postcss: { pxtransform: { enable: true, config: {} } }
  },
  h5: {
    publicPath: '/m/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[contenthash:8].js'
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css'
    },
    postcss: { autoprefixer: { enable: true, config: {} } },
    // Each page is its own lazily loaded chunk, and by default each carried its own copy of the
    // components' runtime (128 KB per page, 1.6 MB in all): modules that two pages share go into one
    // chunk instead, loaded with the first page and cached for the others.
    webpackChain(chain) {
      // The size budget: React and Taro's runtime make the entry 318 KiB (108 KiB gzipped, as nginx
      // sends it: deploy/nginx), over webpack's default 244 KiB, which printed an empty warning banner
      // on every build. A warning should mean the app grew, so the limits sit just above today's.
      chain.performance.maxEntrypointSize(360 * 1024).maxAssetSize(260 * 1024)
      const split = chain.optimization.get('splitChunks') || {}
      chain.optimization.splitChunks({
        ...split,
        cacheGroups: {
          ...(split.cacheGroups || {}),
          pages: { name: 'pages-shared', chunks: 'async', minChunks: 2, priority: -5, reuseExistingChunk: true }
        }
      })
    }
  }
}))
