/// <reference types="@tarojs/taro" />

declare module '*.css'

// Set at build time (config/index.ts, defineConstants): the API's address for the WeChat build;
// empty for the H5 app, which is served by the API itself at /m/ and calls its own origin.
declare const API_BASE_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_API_BASE_URL?: string
  }
}
