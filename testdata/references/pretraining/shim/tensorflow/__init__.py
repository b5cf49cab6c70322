"""The few TensorFlow 1.x names create_pretraining_data.py and tokenization.py touch, without TensorFlow.

Only what instance generation needs: tf.gfile (files), tf.logging (prints), tf.flags (a settable FLAGS object).
TFRecord writing is not provided; make_pretraining_references.py calls create_training_instances directly.
"""
import glob as _glob
import sys as _sys


class _GFile(object):
    # tf.gfile.GFile reads bytes and splits lines only at b"\n"; binary mode does the same
    # (text mode would also split at a lone "\r"). tokenization.convert_to_unicode decodes.
    def __init__(self, path, mode="r"):
        self._file = open(path, "rb" if "r" in mode else "wb")

    def readline(self):
        return self._file.readline()

    def __iter__(self):
        return iter(self._file)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()
        return False


class gfile(object):
    GFile = _GFile
    Open = _GFile

    @staticmethod
    def Glob(pattern):
        return sorted(_glob.glob(pattern))


class logging(object):
    INFO = 20

    @staticmethod
    def set_verbosity(level):
        pass

    @staticmethod
    def info(msg, *args):
        print(msg % args if args else msg, file=_sys.stderr)


class _Flags(object):
    pass


class flags(object):
    FLAGS = _Flags()

    @staticmethod
    def _define(name, default, help_text=None):
        setattr(flags.FLAGS, name, default)

    DEFINE_string = _define
    DEFINE_bool = _define
    DEFINE_boolean = _define
    DEFINE_integer = _define
    DEFINE_float = _define

    @staticmethod
    def mark_flag_as_required(name):
        pass
