"""Media files on the local disk that are either whole or absent.

Django's FileSystemStorage writes a file in place, so a full disk (or a killed process) leaves
a cut-off image at its final name, where a page may link to it. Here every file is written to
a temporary name in the same folder and linked into place only once it is complete."""

from __future__ import annotations

import errno
import os
import tempfile

from django.core.files.storage import FileSystemStorage

# The errors that mean "no room": a full disk, a quota, a file-size limit.
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def is_out_of_space(exc: BaseException | None) -> bool:
    return isinstance(exc, OSError) and exc.errno in NO_ROOM


class MediaStorage(FileSystemStorage):
    def _makedirs(self, directory: str) -> None:
        """Missing folders with FILE_UPLOAD_DIRECTORY_PERMISSIONS whatever the umask (chmod
        after mkdir: changing the umask would race the other threads)."""
        mode = self.directory_permissions_mode
        missing = []
        while directory and not os.path.isdir(directory):
            missing.append(directory)
            directory = os.path.dirname(directory)
        for folder in reversed(missing):
            try:
                os.mkdir(folder)
            except FileExistsError:
                continue
            if mode is not None:
                os.chmod(folder, mode)

    def _save(self, name: str, content) -> str:
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        self._makedirs(directory)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as file:
                for chunk in content.chunks():
                    file.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                file.flush()
                os.fsync(file.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(partial, self.file_permissions_mode)
            else:
                os.chmod(partial, 0o644)  # what Django gives uploads by default
            while True:
                try:
                    os.link(partial, full_path)  # fails rather than replace another's file
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            os.unlink(partial)
        return str(name).replace("\\", "/")
