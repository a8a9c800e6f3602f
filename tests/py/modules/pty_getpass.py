# pty.fork gives the child a controlling terminal; getpass reads from it with echo
# off; tty.setraw in the child; the parent talks through the master side
import os
import pty
import sys


def read_all(fd):
    out = b''
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:          # EIO once the child has gone
            break
        if not chunk:
            break
        out += chunk
    return out


pid, fd = pty.fork()
if pid == 0:
    import getpass
    import termios
    print('child tty', os.isatty(0), os.isatty(1), os.ttyname(1).startswith('/dev/pts/'))
    print('session leader', os.getsid(0) == os.getpid())
    print('pgrp', os.tcgetpgrp(0) == os.getpgrp())
    sys.stdout.flush()
    pw = getpass.getpass('Password: ')
    print('got', repr(pw))
    print('echo back on', bool(termios.tcgetattr(0)[3] & termios.ECHO))
    sys.stdout.flush()
    os._exit(7)
else:
    import time
    # wait for the prompt, then type the password
    buf = b''
    while b'Password: ' not in buf:
        buf += os.read(fd, 1024)
    os.write(fd, b'sekrit\n')
    buf += read_all(fd)
    _, status = os.waitpid(pid, 0)
    text = buf.decode().replace('\r\n', '\n')
    print(text, end='')
    print('secret echoed', 'sekrit\n' in text.split('Password: ', 1)[1].split('got')[0])
    print('exit', os.waitstatus_to_exitcode(status))
