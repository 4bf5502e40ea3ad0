import Glibc

/// The directory side of `DropWatcher`: adding watches before listing, forgetting subtrees
/// that leave, and re-attaching roots and refused watches with capped backoff.
extension DropWatcher {
    func openInotify() {
        do {
            inotify = try Inotify()
            inotifyRetry = nil
        } catch {
            inotify = nil
            let delay = min((inotifyRetry?.delay ?? 0.5) * 2, configuration.maxBackoffSeconds)
            if inotifyRetry == nil { consumer.health(.watchLimit(error, directory: [])) }
            inotifyRetry = Backoff(due: MonotonicClock.now() + delay, delay: delay)
        }
    }

    func attachRoot(_ root: [UInt8], recovering: Bool) {
        guard let stat = FileStat.lstat(root), stat.kind == .directory else {
            loseRoot(root, reason: FileStat.lstat(root) == nil ? .missing : .notDirectory)
            return
        }
        if recovering {
            lostRoots.remove(root)
            consumer.health(.rootRecovered(root))
            consumer.health(.rescan(.rootRecovered, root: root))
        }
        attachTree(root)
    }

    /// Watches `top` and everything below it. Each directory's watch is added before it is
    /// listed, so a file that lands in between is either listed or produces an event.
    func attachTree(_ top: [UInt8], retryDelay: Double = 1) {
        let root = root(of: top)
        let mount = root.flatMap(MountBoundary.key(root:))
        if let mount, top != root, MountBoundary.key(path: top) != mount {
            noticeSkip(top, .otherMount)
            return
        }
        var stack = [top]
        while let directory = stack.popLast() {
            addWatch(directory, retryDelay: directory == top ? retryDelay : 1)
            let names: [[UInt8]]
            switch DirectoryListing.names(directory) {
            case .success(let list): names = list
            case .failure(let error):
                if case .system(_, let code, _) = error, code == ENOENT || code == ENOTDIR { continue }
                consumer.health(.watchFailed(error))
                continue
            }
            for name in names {
                let path = PathBytes.join(directory, name)
                guard let stat = FileStat.lstat(path) else { continue }
                if stat.kind == .directory {
                    guard !configuration.ignore.matches(name) else { continue }
                    if let mount, MountBoundary.key(path: path) != mount {
                        // A mount listed as a drop folder of its own is watched on its own.
                        if !configuration.roots.contains(path) { noticeSkip(path, .otherMount) }
                    } else {
                        stack.append(path)
                    }
                } else {
                    found(path, name: name, stat: stat)
                }
            }
        }
    }

    /// The drop folder holding `path` (the innermost, when folders nest); nothing on another
    /// mount than it is entered.
    func root(of path: [UInt8]) -> [UInt8]? {
        configuration.roots.filter { PathBytes.isWithin(path, $0) }.max { $0.count < $1.count }
    }

    private func addWatch(_ directory: [UInt8], retryDelay: Double) {
        guard let inotify else { return }
        do {
            let wd = try inotify.addWatch(directory)
            if let old = descriptors[directory], old != wd { directories[old] = nil }
            directories[wd] = directory
            descriptors[directory] = wd
            retries[directory] = nil
        } catch {
            switch error {
            case .watchLimit:
                if !watchLimitReported { consumer.health(.watchLimit(error, directory: directory)) }
                watchLimitReported = true
                let delay = min(retryDelay, configuration.maxBackoffSeconds)
                retries[directory] = Backoff(due: MonotonicClock.now() + delay, delay: delay)
            case .system(_, let code, _) where code == ENOENT || code == ENOTDIR:
                return
            default:
                consumer.health(.watchFailed(error))
            }
        }
    }

    /// Forgets `top` and everything below it: moved out of the tree or deleted.
    func detachTree(_ top: [UInt8]) {
        for (directory, wd) in descriptors where PathBytes.isWithin(directory, top) {
            inotify?.removeWatch(wd)
            directories[wd] = nil
            descriptors[directory] = nil
        }
        queue.cancel(within: top)
        openCounts.forget(within: top)
        for path in retries.keys where PathBytes.isWithin(path, top) { retries[path] = nil }
        skipNoticed = skipNoticed.filter { !PathBytes.isWithin($0, top) }
    }

    func forget(descriptor wd: Int32) {
        guard let directory = directories[wd] else { return }
        directories[wd] = nil
        if descriptors[directory] == wd { descriptors[directory] = nil }
    }

    func loseRoot(_ root: [UInt8], reason: RootLoss) {
        guard lostRoots.insert(root).inserted else { return }
        detachTree(root)
        retries[root] = Backoff(due: MonotonicClock.now() + 1, delay: 1)
        consumer.health(.rootLost(root, reason: reason))
    }

    /// Re-attaches lost roots, re-adds refused watches (scanning their subtree meanwhile, so a
    /// directory over the watch limit is still polled), and retries inotify itself.
    func runRetries() {
        let now = MonotonicClock.now()
        if let pending = inotifyRetry, pending.due <= now {
            openInotify()
            if inotify != nil {
                consumer.health(.rescan(.inotifyRestored, root: nil))
                for root in configuration.roots where !lostRoots.contains(root) { attachTree(root) }
            } else {
                for root in configuration.roots where !lostRoots.contains(root) { attachTree(root) }
            }
        }
        for (path, backoff) in retries where backoff.due <= now {
            retries[path] = nil
            let next = min(backoff.delay * 2, configuration.maxBackoffSeconds)
            if lostRoots.contains(path) {
                if let stat = FileStat.lstat(path), stat.kind == .directory {
                    attachRoot(path, recovering: true)
                } else {
                    retries[path] = Backoff(due: now + next, delay: next)
                }
            } else {
                attachTree(path, retryDelay: next)
            }
        }
    }
}
