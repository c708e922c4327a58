// The preload exposes exactly one function to the renderer: invoke(channel, input). Validation,
// roles and sessions all live in main; this file only carries the call across the boundary.
import { contextBridge, ipcRenderer } from 'electron';
import type { ShahnBridge } from './contract';

const bridge: ShahnBridge = {
  invoke: (channel, input) => ipcRenderer.invoke('shahn:invoke', channel, input),
};

contextBridge.exposeInMainWorld('shahn', bridge);
