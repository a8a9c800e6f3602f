# uuid on the _uuid module (libuuid): version 1 UUIDs made time-safely.
import _uuid
import uuid

raw, safe = _uuid.generate_time_safe()
print(type(raw).__name__, len(raw), type(safe).__name__, _uuid.has_uuid_generate_time_safe)
a, b = uuid.uuid1(), uuid.uuid1()
print(a.version, a.variant, a != b, a.is_safe in (uuid.SafeUUID.safe, uuid.SafeUUID.unsafe))
print(uuid.UUID(bytes=raw).version)
node = uuid.getnode()
print(isinstance(node, int), 0 <= node < 2 ** 48)
print(uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).hex[-16:])
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x/'))
print(uuid.UUID('{12345678-1234-5678-1234-567812345678}').fields)
