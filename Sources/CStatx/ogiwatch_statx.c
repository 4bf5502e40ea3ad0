#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "ogiwatch_statx.h"

int ogiwatch_mount_id(int dirfd, const char *name, uint64_t *mount_id) {
#ifdef STATX_MNT_ID
    struct statx st;
    int flags = AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | (name[0] == '\0' ? AT_EMPTY_PATH : 0);
    if (statx(dirfd, name, flags, STATX_MNT_ID, &st) != 0) return -1;
    if (!(st.stx_mask & STATX_MNT_ID)) {
        errno = EOPNOTSUPP;
        return -1;
    }
    *mount_id = st.stx_mnt_id;
    return 0;
#else
    (void)dirfd; (void)name; (void)mount_id;
    errno = ENOSYS;
    return -1;
#endif
}
