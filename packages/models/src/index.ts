export * from './gen/index.gen.js';
