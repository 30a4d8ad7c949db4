import { useState } from 'react';
import { useConsole } from '../shell/AdminContext';
import { ConsoleHeading } from '../shell/ConsoleHeading';
import { ProblemAlert } from '../shell/ProblemAlert';
import { usePolling } from '../shell/usePolling';
import { ClockExperiment } from './ClockExperiment';
import { DecodePanel } from './DecodePanel';
import { GeneratePanel } from './GeneratePanel';
import { LeasePanel } from './LeasePanel';
import { idsApi } from './idsApi';
import './ids.css';

/** The console's IDs page (issue 17): generate, decode into bits, the lease live, the clock experiment for the admin. */
export function IdsPage() {
  const { api } = useConsole();
  const info = usePolling((signal) => idsApi(api).info(signal), 1000);
  const [requested, setRequested] = useState<{ id: string } | null>(null);

  return (
    <div className="ids-page">
      <ConsoleHeading>IDs</ConsoleHeading>
      <ProblemAlert error={info.error} />
      <div className="grid">
        <GeneratePanel onDecode={(id) => setRequested({ id })} />
        {info.data && <LeasePanel info={info.data} now={Date.now()} />}
      </div>
      <DecodePanel requested={requested} info={info.data} />
      <ClockExperiment info={info.data} onChanged={info.refresh} />
    </div>
  );
}
