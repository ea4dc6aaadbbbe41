#include "core/storage/SqliteWriteGate.h"

#include <QHash>

namespace crm {

std::shared_ptr<SqliteWriteGate> SqliteWriteGate::forFile(const QString &absolutePath)
{
    static std::mutex registryMutex;
    // Weak: a gate lives as long as a connection to its file does.
    static QHash<QString, std::weak_ptr<SqliteWriteGate>> registry;
    const std::lock_guard<std::mutex> lock(registryMutex);
    std::weak_ptr<SqliteWriteGate> &slot = registry[absolutePath];
    std::shared_ptr<SqliteWriteGate> gate = slot.lock();
    if (!gate) {
        gate = std::make_shared<SqliteWriteGate>();
        slot = gate;
    }
    return gate;
}

} // namespace crm
