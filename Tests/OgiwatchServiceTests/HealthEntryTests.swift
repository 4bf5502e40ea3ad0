import OgiwatchWatch
import Testing
@testable import OgiwatchService

/// The journal names the server's folders in full for the administrator; the ledger's
/// health detail, which the clerks' daily summary quotes, names the drop folder only.
@Suite struct HealthEntryTests {
    let roots = [Array("/srv/samba/公开/drop".utf8), Array("/srv/samba/公开/drop/甲县".utf8)]

    @Test func aLostRootIsNamedInFullInTheJournalAndByItsNameInTheDetail() {
        let entry = HealthEntry(.rootLost(Array("/srv/samba/公开/drop".utf8), reason: .movedAway), roots: roots)
        #expect(entry.detail == "drop：目录已被移走或改名")
        #expect(entry.journalEntry.message == "监视目录 /srv/samba/公开/drop 丢失（目录已被移走或改名），将定时重试（间隔最长 60 秒）")
        #expect(entry.journalEntry.value("OGIWATCH_REASON") == Array("目录已被移走或改名".utf8))
    }

    @Test func aDirectoryBeneathARootIsNamedFromItsInnermostRoot() {
        let failure = WatchError.system(call: "inotify_add_watch", errno: 13, path: Array("/srv/samba/公开/drop/甲县/2025/旧稿".utf8))
        let entry = HealthEntry(.watchFailed(failure), roots: roots)
        #expect(entry.detail == "甲县/2025/旧稿：inotify_add_watch 失败（Permission denied）")
        #expect(entry.journalEntry.message == "无法监视：/srv/samba/公开/drop/甲县/2025/旧稿：inotify_add_watch 失败（Permission denied）")
    }

    @Test func aRescanSaysWhyInWords() {
        let entry = HealthEntry(.rescan(.overflow, root: nil), roots: roots)
        #expect(entry.detail == "inotify 事件队列溢出，可能丢失事件")
        let recovered = HealthEntry(.rescan(.rootRecovered, root: Array("/srv/samba/公开/drop/甲县".utf8)), roots: roots)
        #expect(recovered.detail == "甲县：监视目录已恢复")
        #expect(recovered.journalEntry.message == "监视目录已恢复，重新扫描 /srv/samba/公开/drop/甲县")
    }

    @Test func aPathUnderNoRootKeepsOnlyItsName() {
        #expect(HealthEntry.dropName(Array("/old/place/乙区".utf8), roots: roots) == "乙区")
    }
}
