import os
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getcwd() == os.path.abspath('.'), os.cpu_count() >= 1)
print(isinstance(os.environ, object), 'PATH' in os.environ, os.environ.get('NO_SUCH_VAR_XYZ'), os.getenv('NO_SUCH_VAR_XYZ', 'dflt'))
os.environ['M_TEST_VAR'] = 'v1'
print(os.environ['M_TEST_VAR'], os.getenv('M_TEST_VAR'))
del os.environ['M_TEST_VAR']
print('M_TEST_VAR' in os.environ)
try:
    os.environ['NO_SUCH_VAR_XYZ']
except KeyError as e:
    print('KeyError', e)
d = '_m_os_tmpdir'
if os.path.exists(d):
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    os.rmdir(d)
os.mkdir(d)
for n in ['b.txt', 'a.txt', 'c.dat']:
    with open(os.path.join(d, n), 'w') as f:
        f.write(n * 3)
print(sorted(os.listdir(d)), os.path.getsize(os.path.join(d, 'a.txt')))
os.rename(os.path.join(d, 'c.dat'), os.path.join(d, 'd.dat'))
print(sorted(os.listdir(d)))
st = os.stat(os.path.join(d, 'a.txt'))
print(st.st_size, st.st_mtime > 0)
try:
    os.mkdir(d)
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror)
for f in os.listdir(d):
    os.remove(os.path.join(d, f))
try:
    os.remove(os.path.join(d, 'a.txt'))
except FileNotFoundError as e:
    print('FileNotFoundError', e)
os.rmdir(d)
print(os.path.exists(d))
os.makedirs('_m_os_deep/x/y', exist_ok=True)
print(os.path.isdir('_m_os_deep/x/y'))
os.rmdir('_m_os_deep/x/y'); os.rmdir('_m_os_deep/x'); os.rmdir('_m_os_deep')
try:
    os.listdir('/nonexistent_zz')
except OSError as e:
    print(type(e).__name__, e)

print([e.name for e in os.scandir('.') if e.name == 'm_os_funcs.py'], sorted(x for x in os.listdir('.') if x.startswith('m_os_f') and x.endswith('.py')))
print(os.path.join(*['p', 'q']), type(os.urandom(4)).__name__, len(os.urandom(8)))
