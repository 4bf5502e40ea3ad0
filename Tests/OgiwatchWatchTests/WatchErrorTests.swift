import Testing
@testable import OgiwatchWatch

/// What the operator reads when watching cannot be set up: in Chinese, with the fix.
@Suite struct WatchErrorTests {
    @Test func limitsNameTheSettingAndTheCommandThatRaisesIt() {
        let watches = WatchError.watchLimit(current: 8192, suggestion: "sysctl fs.inotify.max_user_watches=524288")
        #expect(watches.description == "inotify 监视数达到上限（fs.inotify.max_user_watches=8192），提高上限：sysctl fs.inotify.max_user_watches=524288")
        let instances = WatchError.instanceLimit(current: nil, suggestion: "sysctl fs.inotify.max_user_instances=1024")
        #expect(instances.description == "inotify 实例数达到上限（fs.inotify.max_user_instances=?），提高上限：sysctl fs.inotify.max_user_instances=1024")
    }

    @Test func aFailedCallNamesThePathAsAskedAndTheSystemsReason() {
        let error = WatchError.system(call: "opendir", errno: 2, path: Array("/srv/drop/甲县".utf8))
        #expect(error.description == "/srv/drop/甲县：opendir 失败（No such file or directory）")
        #expect(error.describe(naming: { _ in "甲县" }) == "甲县：opendir 失败（No such file or directory）")
        #expect(WatchError.system(call: "inotify_init1", errno: 24, path: []).description == "inotify_init1 失败（Too many open files）")
    }

    @Test func everyRootLossHasItsWords() {
        #expect(RootLoss.allCases.map(\.chinese) == ["目录不存在", "不是目录", "目录已被删除", "目录已被移走或改名", "所在文件系统已卸载", "内核撤销了对它的监视"])
    }
}
