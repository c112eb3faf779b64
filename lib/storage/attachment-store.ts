import { readConfig } from "@/lib/config";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { createLocalDirectoryStore } from "./local-directory-store";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3-store";
import { parseStorageUrl, type StorageCredentials, type StorageLocation } from "./storage-settings";

export type StorageConfiguration = {
  location: StorageLocation;
  credentials: StorageCredentials | undefined;
  dataDir: string;
};

/** The driver for a configuration: the local directory under `dataDir`, or the S3 bucket. */
export function createObjectStore(configuration: StorageConfiguration): ObjectStore {
  return configuration.location.driver === "s3"
    ? createS3Store(configuration.location, configuration.credentials)
    : createLocalDirectoryStore(configuration.dataDir);
}

/** This process's storage configuration (STORAGE_URL, STORAGE_ACCESS_KEY_ID, STORAGE_SECRET_ACCESS_KEY, DATA_DIR). */
export function configuredStorage(): StorageConfiguration {
  const config = readConfig();
  const credentials =
    config.STORAGE_ACCESS_KEY_ID && config.STORAGE_SECRET_ACCESS_KEY
      ? { accessKeyId: config.STORAGE_ACCESS_KEY_ID, secretAccessKey: config.STORAGE_SECRET_ACCESS_KEY }
      : undefined;
  return { location: parseStorageUrl(config.STORAGE_URL), credentials, dataDir: resolveDataDir() };
}

const state = globalThis as unknown as { gongkaiAttachmentStore?: { fingerprint: string; store: ObjectStore } };

/**
 * Where this process stores uploaded files, as configured. One driver per configuration (the S3
 * driver keeps its connections); a changed configuration (tests) gets a new one.
 */
export function attachmentStore(): ObjectStore {
  const configuration = configuredStorage();
  const fingerprint = JSON.stringify(configuration);
  if (state.gongkaiAttachmentStore?.fingerprint !== fingerprint) {
    state.gongkaiAttachmentStore = { fingerprint, store: createObjectStore(configuration) };
  }
  return state.gongkaiAttachmentStore.store;
}
