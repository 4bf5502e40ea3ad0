#ifndef OGIWATCH_STATX_H
#define OGIWATCH_STATX_H
#include <stdint.h>

/* The mount a file belongs to, from statx(2)'s STATX_MNT_ID, without following a final
 * symlink: bind mounts of the same filesystem share st_dev, so only the mount id tells that
 * a directory is a mount point. `name` may be "" to ask about `dirfd` itself. Returns 0 and
 * sets *mount_id, or -1 with errno (ENOSYS or EOPNOTSUPP when the kernel has no mount ids). */
int ogiwatch_mount_id(int dirfd, const char *name, uint64_t *mount_id);

#endif
