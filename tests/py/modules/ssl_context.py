# ssl.SSLContext's settings and what _ssl gives ssl.py: defaults of client and
# server contexts, options and version bounds, ciphers, CA stores, decoded
# certificates, object identifiers, RAND, the enums built from _ssl's constants.
import os, pprint, ssl, _ssl, warnings

CERTS = '/usr/lib/python3.11/test'
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
for c in (client, server):
    print(c.protocol, c.verify_mode, c.check_hostname, c.options, c.verify_flags)
    print(' ', c.minimum_version, c.maximum_version, c.security_level, c.post_handshake_auth,
          c.hostname_checks_common_name, c.sni_callback, c.keylog_filename)
print(ssl.OP_ALL, ssl.OP_NO_TLSv1_3, ssl.Options.OP_NO_COMPRESSION in client.options)
client.options |= ssl.OP_NO_TICKET
print(ssl.OP_NO_TICKET in client.options)
client.options &= ~ssl.OP_NO_TICKET
print(ssl.OP_NO_TICKET in client.options)
client.minimum_version = ssl.TLSVersion.TLSv1_2
client.maximum_version = ssl.TLSVersion.TLSv1_3
print(client.minimum_version, client.maximum_version)
client.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
print(client.minimum_version)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    client.minimum_version = ssl.TLSVersion.TLSv1
    print([str(x.message) for x in w])
client.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
client.verify_flags |= ssl.VERIFY_X509_STRICT
print(client.verify_flags)
client.hostname_checks_common_name = True
print(client.hostname_checks_common_name, client._host_flags)
server.num_tickets = 3
print(server.num_tickets)
for bad in [lambda: setattr(client, 'num_tickets', 1), lambda: setattr(server, 'num_tickets', -1),
            lambda: setattr(client, 'minimum_version', 42), lambda: setattr(client, 'sni_callback', print),
            lambda: setattr(server, 'sni_callback', 42), lambda: delattr(client, 'options')]:
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
ciphers = client.get_ciphers()
print(sorted(ciphers[0]), all(isinstance(c['name'], str) for c in ciphers))
client.set_ciphers('ECDHE+AESGCM')
print(sorted({c['protocol'] for c in client.get_ciphers()}))
print(client.session_stats())
print(client.cert_store_stats())
client.load_verify_locations(os.path.join(CERTS, 'pycacert.pem'))
with open(os.path.join(CERTS, 'keycert.pem')) as f:
    pem = f.read()
der = ssl.PEM_cert_to_DER_cert(pem[pem.index('-----BEGIN CERTIFICATE-----'):])
client.load_verify_locations(cadata=der)
print(client.cert_store_stats())
print([c['subject'][-1] for c in client.get_ca_certs()], len(client.get_ca_certs(True)[0]))
server.load_cert_chain(os.path.join(CERTS, 'keycert.pem'))
server.load_dh_params(os.path.join(CERTS, 'ffdh3072.pem'))
server.set_ecdh_curve('prime256v1')
try:
    server.set_ecdh_curve('nonsense')
except ValueError as e:
    print(e)
pprint.pprint(ssl._ssl._test_decode_cert(os.path.join(CERTS, 'allsans.pem')))
print(ssl._ssl._test_decode_cert(os.path.join(CERTS, 'nullbytecert.pem'))['subjectAltName'])
print(ssl._txt2obj('1.3.6.1.5.5.7.3.1'), ssl._txt2obj('serverAuth', name=True), ssl._nid2obj(129))
print(ssl.Purpose.SERVER_AUTH, ssl.Purpose.CLIENT_AUTH.oid)
for bad in [lambda: ssl._txt2obj('nope'), lambda: ssl._nid2obj(-1), lambda: ssl._nid2obj(99999)]:
    try:
        bad()
    except ValueError as e:
        print(e)
print(len(ssl.RAND_bytes(16)), ssl.RAND_status(), ssl.RAND_add(b'entropy', 1.5), ssl.RAND_add('text', 2))
print(ssl.get_default_verify_paths().openssl_cafile_env)
print(list(ssl.TLSVersion), ssl.AlertDescription.ALERT_DESCRIPTION_UNKNOWN_CA, ssl.SSLErrorNumber.SSL_ERROR_EOF)
print(ssl.VerifyMode.CERT_REQUIRED, ssl.VerifyFlags.VERIFY_X509_TRUSTED_FIRST, ssl._SSLMethod.PROTOCOL_TLS_CLIENT)
print(ssl.HAS_SNI, ssl.HAS_ALPN, ssl.HAS_NPN, ssl.HAS_TLSv1_3, ssl.HAS_SSLv2, ssl.HAS_SSLv3)
print(ssl.OPENSSL_VERSION.startswith('OpenSSL'), len(ssl.OPENSSL_VERSION_INFO), ssl._DEFAULT_CIPHERS)
e = ssl.SSLError(1, 'boom')
print(str(e), repr(e), e.errno, e.strerror, ssl.SSLError.__mro__[1:3], ssl.SSLCertVerificationError.__bases__)
