export const ACCEPT = '.xlsx,.xlsm,.xls,.et,.csv,.ods,.fods,.txt';
