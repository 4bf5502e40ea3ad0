/// Per-path timers: a path is armed with a deadline, re-arming replaces the deadline, and the
/// earliest due path pops first. A heap with lazy deletion keeps a burst of tens of thousands
/// of drops at O(log n) per event.
struct SettleQueue {
    struct Item: Equatable {
        var path: [UInt8]
        var due: Double
        var expected: FileStat?
        var attempt: Int
        /// When the file was first found settled but still open, while it waits for its closes.
        var heldOpenSince: Double? = nil
    }

    private var items: [[UInt8]: (item: Item, generation: Int)] = [:]
    private var heap: [(due: Double, generation: Int, path: [UInt8])] = []
    private var generation = 0

    var count: Int { items.count }

    func contains(_ path: [UInt8]) -> Bool { items[path] != nil }

    var nextDue: Double? {
        heap.first?.due
    }

    mutating func arm(_ item: Item) {
        generation += 1
        items[item.path] = (item, generation)
        heap.append((item.due, generation, item.path))
        siftUp(heap.count - 1)
    }

    mutating func cancel(_ path: [UInt8]) {
        items[path] = nil
    }

    /// Cancels every path at or below `directory`.
    mutating func cancel(within directory: [UInt8]) {
        for path in items.keys where PathBytes.isWithin(path, directory) { items[path] = nil }
    }

    /// Removes and returns the earliest item due at or before `now`.
    mutating func popDue(now: Double) -> Item? {
        while let top = heap.first, top.due <= now {
            popTop()
            guard let entry = items[top.path], entry.generation == top.generation else { continue }
            items[top.path] = nil
            return entry.item
        }
        return nil
    }

    /// Drops stale heap entries so `nextDue` reflects a live item.
    mutating func prune() {
        while let top = heap.first, items[top.path]?.generation != top.generation { popTop() }
    }

    private mutating func popTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].due < heap[parent].due else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].due < heap[smallest].due { smallest = left }
            if right < heap.count, heap[right].due < heap[smallest].due { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
