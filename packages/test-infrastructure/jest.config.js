module.exports = require('@klynge/jest-config')();
