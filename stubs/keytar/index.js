'use strict';
// Offline validation never logs in; any use of the OS keychain is a bug here.
const fail = async () => { throw new Error('keytar is stubbed in PHI Guard: the OS keychain is not used'); };
module.exports = { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail, findPassword: fail };
