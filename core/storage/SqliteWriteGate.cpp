#include "core/storage/SqliteWriteGate.h"

#include <QHash>

namespace crm {

std::shared_ptr<SqliteWriteGate> SqliteWriteGate::forFile(const QString &absolutePath)
{
    static std::mutex registryMutex;
    // Weak: a gate lives as long as a connection to its file does.
    static QHash<QString, std::weak_ptr<SqliteWriteGate>> registry;
    const std::lock_guard<std::mutex> lock(registryMutex);
    if (std::shared_ptr<SqliteWriteGate> gate = registry.value(absolutePath).lock())
        return gate;
    // Files whose connections have all closed (tests open hundreds) leave no entry behind.
    registry.removeIf([](const auto &entry) { return entry.value().expired(); });
    auto gate = std::make_shared<SqliteWriteGate>();
    registry.insert(absolutePath, gate);
    return gate;
}

} // namespace crm
