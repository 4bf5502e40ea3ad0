import Glibc
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchReaders
import Testing

/// Files on disk, read the way the CLI and the watcher read them: through `DocumentReader`.
@Suite struct FileBytesTests {
    private func readProblem(_ path: String, limits: ReadLimits = .standard) -> DocumentProblem? {
        if case .failure(let problem) = DocumentReader.read(path: path, limits: limits) { return problem }
        return nil
    }

    @Test func regularFileIsReadWhole() throws {
        let original = try Array(ReferenceReports.seedText("000").utf8)
        let bytes = try TestFiles.withTemporaryDirectory { directory in
            try FileBytes.read(path: TestFiles.write(original, to: "r.txt", in: directory), maxBytes: original.count)
        }
        #expect(bytes == original)
    }

    @Test func seedReadsThroughTheWholePath() throws {
        let document = try DocumentReader.read(path: ReferenceReports.seed("001").path).get()
        #expect(document.tables.count == 3)
    }

    @Test func missingFileIsNamed() throws {
        let found = try TestFiles.withTemporaryDirectory { readProblem($0 + "/gone.txt") }
        #expect(found?.kind == .unreadable)
        #expect(found?.reason.contains("文件不存在") == true)
    }

    /// A mistyped folder has no extension: it is missing, not of an unsupported type.
    @Test func aMissingPathWithoutExtensionIsMissingNotUnsupported() throws {
        let (missing, spreadsheet) = try TestFiles.withTemporaryDirectory { directory in
            (readProblem(directory + "/甲县x"), readProblem(try TestFiles.write(Array("a,b".utf8), to: "统计.xlsx", in: directory)))
        }
        #expect(missing == DocumentProblem(.unreadable, "文件不存在（可能已被移走或删除）"))
        #expect(spreadsheet == DocumentProblem(.unsupported, "不支持的文件类型：仅检查 .txt、.docx、.doc、.wps、.pdf、.html 格式的年度报告"))
    }

    @Test func symlinkIsNotFollowed() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            let target = try TestFiles.write(Array(ReferenceReports.seedText("000").utf8), to: "real.txt", in: directory)
            #expect(symlink(target, directory + "/link.txt") == 0)
            return readProblem(directory + "/link.txt")
        }
        #expect(found?.reason.contains("符号链接") == true)
    }

    @Test func fifoIsSkippedWithoutBlocking() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            #expect(mkfifo(directory + "/pipe.txt", 0o600) == 0)
            return readProblem(directory + "/pipe.txt")
        }
        #expect(found?.reason.contains("不是普通文件") == true)
    }

    @Test func directoryIsSkipped() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            #expect(mkdir(directory + "/folder.txt", 0o700) == 0)
            return readProblem(directory + "/folder.txt")
        }
        #expect(found?.reason.contains("不是普通文件") == true)
    }

    @Test func characterDeviceIsSkipped() {
        var found: DocumentProblem?
        do throws(DocumentProblem) {
            _ = try FileBytes.read(path: "/dev/zero", maxBytes: 1 << 20)
        } catch {
            found = error
        }
        #expect(found?.reason.contains("不是普通文件") == true)
    }

    /// `/proc` files report a size of 0 and still have content: the buffer has to grow.
    @Test func fileLargerThanItsReportedSizeIsReadWhole() throws {
        let bytes = try FileBytes.read(path: "/proc/self/status", maxBytes: 1 << 20)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("VmPeak:") || text.contains("Pid:"))
    }

    @Test func fileGrowingPastTheLimitWhileReadIsRefused() {
        var found: DocumentProblem?
        do throws(DocumentProblem) {
            _ = try FileBytes.read(path: "/proc/self/status", maxBytes: 16)
        } catch {
            found = error
        }
        #expect(found?.reason.contains("上限 16 字节") == true)
    }

    @Test func fileOverTheLimitIsRefusedWithBothSizes() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            let path = try TestFiles.write(Array(ReferenceReports.seedText("000").utf8), to: "big.txt", in: directory)
            return readProblem(path, limits: ReadLimits(maxFileBytes: 1000))
        }
        let size = try Array(ReferenceReports.seedText("000").utf8).count
        #expect(found?.reason.contains("文件过大（\(size) 字节，上限 1000 字节）") == true)
    }

    @Test func fileExactlyAtTheLimitIsRead() throws {
        let original = try Array(ReferenceReports.seedText("002").utf8)
        let bytes = try TestFiles.withTemporaryDirectory { directory in
            try FileBytes.read(path: TestFiles.write(original, to: "r.txt", in: directory), maxBytes: original.count)
        }
        #expect(bytes.count == original.count)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any file"))
    func unreadableFileSaysPermission() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            let path = try TestFiles.write(Array("报告".utf8), to: "locked.txt", in: directory)
            #expect(chmod(path, 0) == 0)
            return readProblem(path)
        }
        #expect(found?.reason.contains("没有读取权限") == true)
    }

    @Test func nameThatIsNotUTF8IsReadRelativeToADirectory() throws {
        let original = try Array(ReferenceReports.seedText("004").utf8)
        let name: [UInt8] = [0xFF, 0xFE, 0x2E, 0x74, 0x78, 0x74]  // "\xff\xfe.txt"
        let bytes = try TestFiles.withTemporaryDirectory { directory in
            let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            #expect(folder >= 0)
            defer { close(folder) }
            let created = openat(folder, name.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o600)
            #expect(created >= 0)
            #expect(write(created, original, original.count) == original.count)
            close(created)
            return try FileBytes.read(path: name, relativeTo: folder, maxBytes: 1 << 20)
        }
        #expect(bytes == original)
    }

    // MARK: Hostile content through the whole path

    @Test(arguments: [
        ("empty.txt", [], "文件为空", true),
        ("blank.txt", Array(" \r\n\t　\r\n".utf8), "没有文字内容", false),
        ("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3E, 0x00], "二进制", false),
        ("mixed.txt", Array("年度报告".utf8) + [0xFF, 0x80] + Array("总体情况".utf8), "文本编码无法识别", false),
        ("cut.txt", Array("政府信息公开工作年度报告".utf8).dropLast(), "复制", true),
    ] as [(String, [UInt8], String, Bool)])
    func hostileContentBecomesAProblem(name: String, bytes: [UInt8], reason: String, incomplete: Bool) throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            readProblem(try TestFiles.write(bytes, to: name, in: directory))
        }
        #expect(found?.kind == .unreadable)
        #expect(found?.reason.contains(reason) == true)
        #expect(found?.looksIncomplete == incomplete)
    }

    @Test func fiftyMegabytesOfRandomBytesAreRefused() throws {
        let found = try TestFiles.withTemporaryDirectory { directory in
            readProblem(try TestFiles.write(try TestFiles.randomBytes(50 << 20), to: "random.txt", in: directory))
        }
        #expect(found?.kind == .unreadable)
        #expect(found?.reason.contains("二进制") == true)
    }
}
