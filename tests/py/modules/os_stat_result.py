# os.stat_result: a named tuple made in C, as posix returns it.
import os, pickle, copy
s = os.stat('/tmp')
print(type(s), s.st_mode == s[0], len(s), s.st_mtime == os.path.getmtime('/tmp'), isinstance(s.st_atime, float), s.st_mtime_ns // 10**9 == s[8])
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
r = os.stat_result(range(10))
print(r, r.st_rdev)
r2 = os.stat_result(range(19))
print(r2.st_atime, r2.st_rdev, r2[9], r2 == tuple(range(10)))
print(pickle.loads(pickle.dumps(r2)).st_rdev, copy.copy(r2).st_blocks)
try: os.stat_result(range(5))
except TypeError as e: print(e)
try: os.stat_result(range(25))
except TypeError as e: print(e)
try: r.st_mode = 5
except AttributeError as e: print(e)
print(os.lstat('/tmp').st_mode == s.st_mode, os.fstat(0).st_mode > 0)
