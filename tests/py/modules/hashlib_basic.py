# hashlib, hmac, _hashlib (OpenSSL) and _blake2: digests, XOFs, HMAC, key derivation, errors.
import _hashlib, hashlib
h=hashlib.new('SHA256'); print(h.name, hashlib.new('sha512_256').name, hashlib.new('md5-sha1').name)
try: _hashlib.new('foo')
except Exception as e: print(type(e).__name__, e)
try: hashlib.new('foo')
except Exception as e: print(type(e).__name__, e)
x=hashlib.shake_128(b'a'); print(x.hexdigest(4), x.digest_size, x.block_size, x.name)
try: x.digest()
except Exception as e: print(type(e).__name__, e)
print(hashlib.sha3_256().block_size, hashlib.sha3_256().name, hashlib.md5(b'a', usedforsecurity=False).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10, 20).hex())
print(hashlib.pbkdf2_hmac('sha1', bytearray(b'pw'), memoryview(b'salt'), 3).hex())
print(hashlib.scrypt(b'pw', salt=b's', n=16, r=1, p=1, dklen=16).hex())
for kw in [dict(n=15,r=1,p=1),dict(n=16,r=0,p=1), dict(n=16,r=1,p=1,dklen=0)]:
  try: hashlib.scrypt(b'pw', salt=b's', **kw)
  except Exception as e: print(type(e).__name__, e)
try: hashlib.scrypt(b'pw', n=2,r=1,p=1)
except Exception as e: print(type(e).__name__, e)
for a in [('sha256', b'p', b's', 0), ('sha256', b'p', b's', 1, 0), ('sha256','p',b's',1)]:
  try: hashlib.pbkdf2_hmac(*a)
  except Exception as e: print(type(e).__name__, e)
import hmac
m=hmac.new(b'key', b'msg', 'sha256'); print(m.hexdigest(), m.name, m.digest_size, m.block_size)
m2 = m.copy(); m2.update(b'more'); print(m.hexdigest() != m2.hexdigest(), hmac.digest(b'k', b'm', 'sha512').hex()[:20])
print(hmac.new(b'k'*200, b'x', hashlib.sha256).hexdigest())
print(_hashlib.hmac_new(b'k', b'm', 'md5').name, _hashlib.hmac_digest(b'k', b'm', 'sha1').hex())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'))
try: _hashlib.hmac_new(b'k')
except Exception as e: print(type(e).__name__, e)
print(_hashlib.compare_digest(b'a', b'a'), _hashlib.compare_digest('a','b'), _hashlib.compare_digest(b'a', bytearray(b'ab')))
for a in [(1,2), ('a', b'a'), ('é','é')]:
  try: _hashlib.compare_digest(*a)
  except Exception as e: print(type(e).__name__, e)
print(len(_hashlib._constructors), sorted(_hashlib._constructors.values()))
print(_hashlib.get_fips_mode())
try: _hashlib.HASH()
except Exception as e: print(type(e).__name__, e)
c=hashlib.sha1(b'x'); d=c.copy(); d.update(b'y'); print(c.hexdigest(), d.hexdigest())
print(repr(hashlib.md5()).split(' @ ')[0], repr(hmac.new(b'k', digestmod='sha1')._hmac).split(' @ ')[0])
for v in [1, 's', None]:
  try: hashlib.sha256(v)
  except Exception as e: print(type(e).__name__, e)
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'The quick brown fox')
    print(name, h.digest_size, h.block_size, h.hexdigest(16) if name.startswith('shake') else h.hexdigest())
big = b'x' * 1000003
print(hashlib.sha256(big).hexdigest(), hashlib.blake2b(big).hexdigest()[:32], hashlib.blake2s(big).hexdigest()[:32])
import _blake2
b=_blake2.blake2b(b'abc', digest_size=20, key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1, inner_size=9, last_node=True)
print(b.hexdigest(), b.name, b.digest_size, b.block_size, repr(b)[:22])
s=_blake2.blake2s(b'abc', digest_size=20, key=b'k'*32, salt=b's'*8, person=b'p'*8, node_offset=2**48-1, last_node=True); print(s.hexdigest())
for n in [0, 1, 63, 64, 65, 127, 128, 129, 256]:
    print(n, hashlib.blake2b(b'a'*n).hexdigest()[:16], hashlib.blake2s(b'a'*n).hexdigest()[:16], hashlib.blake2b(b'a'*n, key=b'key').hexdigest()[:16])
for kw in [dict(digest_size=0),dict(key=b'x'*65),dict(salt=b'x'*17),dict(person=b'x'*17),dict(fanout=256),dict(depth=0),dict(leaf_size=2**32),dict(node_depth=256),dict(inner_size=65),dict(digest_size=65)]:
  try: _blake2.blake2b(**kw)
  except Exception as e: print(type(e).__name__, e)
for kw in [dict(node_offset=2**48),dict(inner_size=33),dict(key=b'x'*33)]:
  try: _blake2.blake2s(**kw)
  except Exception as e: print(type(e).__name__, e)
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2S_PERSON_SIZE)
try:
    class B(_blake2.blake2b): pass
except TypeError as e: print(e)
bb = _blake2.blake2b(b'q'); c = bb.copy(); c.update(b'r'); print(type(c).__name__, bb.hexdigest()[:10], c.hexdigest()[:10])
import secrets, random
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), secrets.compare_digest('a', 'a'))
