module.exports = require('@klynge/jest-config')({ integration: true });
