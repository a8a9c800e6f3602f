import _stat, stat
print(stat.filemode is _stat.filemode)
for k in sorted(dir(_stat)):
    if k.startswith('__'): continue
    v = getattr(_stat, k)
    print(k, v if isinstance(v, int) else v.__doc__)
for m in [0, 0o170777, 0o40755, 0o104755, 0o1777 | 0o40000, 0o2644 | 0o100000, 0o2600 | 0o100000, 0o10644, 0o20666, 0o60660, 0o120777, 0o140755, 0o1666|0o100000]:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m), [f(m) for f in (_stat.S_ISDIR, _stat.S_ISCHR, _stat.S_ISBLK, _stat.S_ISREG, _stat.S_ISFIFO, _stat.S_ISLNK, _stat.S_ISSOCK, _stat.S_ISDOOR, _stat.S_ISPORT, _stat.S_ISWHT)])
for bad in ['x', -1, 2**40, 2**70, 1.5, None]:
    try:
        _stat.S_ISDIR(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(_stat.S_ISDIR(True), _stat.__doc__ == __import__('_stat').__doc__, len(_stat.__doc__))
