# An uncaught KeyboardInterrupt from a pending SIGINT: raised by the os.kill
# call itself (the print never runs); the process then dies of SIGINT.
import os
import signal
print("before", flush=True)
os.kill(os.getpid(), signal.SIGINT); print("a")
