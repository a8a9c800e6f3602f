# AF_VSOCK's buffer-size options are 64-bit: getsockopt and setsockopt use a
# uint64 for them.  Without VSOCK on the machine the socket cannot be made,
# and the test says the same thing either way.
import socket

def roundtrip():
    try:
        s = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
    except OSError:
        return True
    with s:
        opt = socket.SO_VM_SOCKETS_BUFFER_MAX_SIZE
        orig = s.getsockopt(socket.AF_VSOCK, opt)
        s.setsockopt(socket.AF_VSOCK, opt, orig * 2)
        big = s.getsockopt(socket.AF_VSOCK, opt)
        s.setsockopt(socket.AF_VSOCK, opt, 1 << 40)
        huge = s.getsockopt(socket.AF_VSOCK, opt)
        return big == orig * 2 and huge == 1 << 40 and type(huge) is int

print(roundtrip())
print(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_SIZE, socket.SO_VM_SOCKETS_BUFFER_MIN_SIZE)
