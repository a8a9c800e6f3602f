# multiprocessing.shared_memory: a block made in one process, attached by name
# in another (which writes into it), ShareableList, SharedMemoryManager, and
# the errors of a bad name or size.  Then Queue's qsize/empty/full,
# cancel_join_thread and Process.sentinel.
import _start_method
import multiprocessing as mp
from multiprocessing import shared_memory
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.connection import wait


def writer(name, items_name):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[:5] = b'hello'
    shm.buf[5] = shm.buf[0] + 1
    shm.close()
    sl = shared_memory.ShareableList(name=items_name)
    sl[0] = sl[0] * 2
    sl[2] = 'changed'
    sl.shm.close()


def feeder(q):
    q.cancel_join_thread()
    for i in range(10000):
        q.put(b'x' * 100)


if __name__ == '__main__':
    shm = shared_memory.SharedMemory(create=True, size=100)
    sl = shared_memory.ShareableList([21, 2.5, 'text', None, True, b'raw'])
    print(shm.size >= 100, len(bytes(shm.buf[:5])), sl.format)
    p = mp.Process(target=writer, args=(shm.name, sl.shm.name))
    p.start()
    p.join()
    print(bytes(shm.buf[:6]), list(sl), p.exitcode)
    again = shared_memory.SharedMemory(shm.name)
    print('attached:', bytes(again.buf[:5]), again.name == shm.name)
    again.close()
    sl.shm.close()
    sl.shm.unlink()
    shm.close()
    shm.unlink()
    try:
        shared_memory.SharedMemory(shm.name)
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    for kwargs in ({'create': True, 'size': 0}, {'create': True, 'size': -1}, {}):
        try:
            shared_memory.SharedMemory(**kwargs)
        except ValueError as e:
            print('ValueError', e)
    with SharedMemoryManager() as smm:
        block = smm.SharedMemory(size=16)
        block.buf[0] = 7
        lst = smm.ShareableList(range(4))
        print('manager:', block.buf[0], list(lst))

    q = mp.Queue(3)
    print('queue:', q.qsize(), q.empty(), q.full())
    for i in range(3):
        q.put(i)
    print('queue:', q.qsize(), q.full(), q.get(), q.get(), q.get(timeout=5), q.qsize())
    q.close()
    q.join_thread()
    q = mp.Queue()
    p = mp.Process(target=feeder, args=(q,))
    p.start()
    print('sentinel ready:', wait([p.sentinel], 60) == [p.sentinel])
    p.join()
    print('cancel_join_thread:', p.exitcode, q.get(timeout=5) == b'x' * 100)
