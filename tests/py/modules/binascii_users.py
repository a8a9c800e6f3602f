# base64, quopri and uuid from the CPython library, over binascii
import base64, quopri, uuid
print(base64.b64encode(b'hello world'), base64.b64decode('aGVsbG8gd29ybGQ='))
print(base64.urlsafe_b64encode(b'\xff\xfe\xfd'), base64.urlsafe_b64decode(b'__79'))
print(base64.b32encode(b'abcde'), base64.b32decode(b'MFRGGZDF'))
print(base64.b16encode(b'\x01\xab'), base64.b16decode('01AB'))
print(base64.a85encode(b'hello'), base64.a85decode(base64.a85encode(b'hello')))
print(base64.b85encode(b'hello'), base64.b85decode(base64.b85encode(b'hello')))
print(base64.encodebytes(b'x' * 100))
print(base64.standard_b64decode(b'YWJj'))
try:
    base64.b64decode(b'YWJ', validate=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    base64.b64decode(b'YW!J', validate=True)
except Exception as e:
    print(type(e).__name__, e)
print(quopri.encodestring(b'hello=world\t\n'), quopri.decodestring(b'hello=3Dworld=\nnext'))
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.urn, u.version, u.variant)
print(uuid.uuid4().version, len(str(uuid.uuid4())))
