# subprocess from CPython's library over _posixsubprocess.fork_exec and select.
import subprocess, sys
print(subprocess.run(['echo', 'hello'], capture_output=True))
print(subprocess.check_output('echo $((6*7))', shell=True))
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'round trip')
print(out, p.returncode)
print(subprocess.call(['false']), subprocess.call(['true']))
try:
    subprocess.run(['/nonexistent/prog'])
except FileNotFoundError as e:
    print('FileNotFoundError', e)
try:
    subprocess.run(['ls'], cwd='/nonexistent_dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
try:
    subprocess.check_call(['sh', '-c', 'exit 3'])
except subprocess.CalledProcessError as e:
    print(e)
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.stdin.read().upper()); sys.exit(5)'], input='abc', text=True, capture_output=True)
print(repr(r.stdout), r.returncode)
r = subprocess.run(['sh', '-c', 'echo err >&2; echo out'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
try:
    subprocess.run(['sleep', '5'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)
r = subprocess.run(['env'], env={'ONLY': '1'}, capture_output=True, text=True)
print(r.stdout.strip())
print(subprocess.getoutput('echo hi; exit 2'), subprocess.getstatusoutput('exit 2'))
p = subprocess.Popen(['sh', '-c', 'echo $0'], preexec_fn=lambda: None, stdout=subprocess.PIPE)
print(p.stdout.read(), p.wait())
with subprocess.Popen(['printf', 'a\\nb\\n'], stdout=subprocess.PIPE, text=True) as p:
    print([l for l in p.stdout])
